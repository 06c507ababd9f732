package org.airindex.domain.province;

/** A baseline CSV file is unreadable or has a bad row; the message names the file and line. */
public final class BaselineFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BaselineFormatException(String message) {
        super(message);
    }

    public BaselineFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
