package org.airindex.io.csv;

/** The CSV text itself is broken (an unterminated quote); nothing after it can be trusted. */
public final class CsvFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }
}
