package org.airindex.io.csv;

import java.io.Serializable;
import java.util.List;

/**
 * A row bound for one CSV table. Its first cell names what the row is about (a place) and
 * {@code order} orders that subject's rows (a time); the two identify the row, so a later version
 * of it replaces an earlier one.
 */
public record TableRow(String table, long order, List<String> cells) implements Serializable {
}
