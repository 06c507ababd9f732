package org.airindex.domain;

/** A rule-set data file is missing, unreadable or inconsistent; the message names the file and key. */
public final class StandardsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StandardsFormatException(String message) {
        super(message);
    }

    public StandardsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
