package org.airindex.reports;

/** The results a report needs cannot be read: a message for the analyst, without a stack trace. */
public class ResultsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResultsException(String message) {
        super(message);
    }
}
