package org.airindex.cli;

/** The arguments, or a file they name, cannot be used: the command stops with exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
