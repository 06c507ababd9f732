package org.airindex.cli;

/**
 * A file the arguments name cannot be used: the command says why and stops with exit status
 * {@link Subcommand#USAGE}. Errors in the arguments themselves are picocli's ParameterException.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
