package org.airindex.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Reading of the rule-set YAML files; decimals are kept as BigDecimal so no table value passes through binary floating point. */
final class YamlFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private YamlFiles() {
    }

    static JsonNode readClasspath(String resource) {
        ClassLoader loader = YamlFiles.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StandardsFormatException("classpath resource not found: " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new StandardsFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode required(JsonNode node, String key, String source) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isMissingNode() || v.isNull()) {
            throw new StandardsFormatException(source + ": missing key '" + key + "'");
        }
        return v;
    }

    /** Child values replace the parent's; objects are merged key by key so a child overrides only what it names. */
    static JsonNode merge(JsonNode parent, JsonNode child) {
        ObjectNode result = parent.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = child.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode existing = result.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                result.set(e.getKey(), merge(existing, e.getValue()));
            } else {
                result.set(e.getKey(), e.getValue());
            }
        }
        return result;
    }
}
