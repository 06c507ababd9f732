package org.airindex.cli;

/** One input row cannot be processed; it is reported with its line number and left out. */
final class BadRowException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRowException(String message) {
        super(message);
    }
}
