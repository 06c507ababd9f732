package org.airindex.cli;

import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config F} option of the commands that read the job's configuration (a picocli mixin). */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "F", description = {"the configuration (YAML); AIRINDEX_* environment variables "
            + "override some of its keys", "  Default: conf/airindex.yaml, or the built-in settings where it is absent"})
    private String file;

    /** @throws IllegalArgumentException the file cannot be read, or holds an unusable configuration */
    AirIndexConfig load() {
        return ConfigLoader.forCommand(file);
    }
}
