package org.airindex.io.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;

/** Dead letters on Kafka as UTF-8 JSON: reason, detail, origin and the record text. */
public class DeadLetterSerializer implements SerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(DeadLetter d) {
        return DeadLetterJson.write(d).getBytes(StandardCharsets.UTF_8);
    }
}
