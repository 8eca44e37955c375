package org.dlbasis.golden;

import java.util.List;
import org.dlbasis.tck.suite.Status;

/**
 * The verdict on one golden case.
 *
 * @param file the golden file
 * @param id the case ID
 * @param clauses the clauses it checks
 * @param status PASS, FAIL, NOT_IMPLEMENTED or ERROR
 * @param margin the worst error relative to its tolerance (PASS)
 * @param detail what differed: file, case, output, index, expected, actual, tolerance
 */
public record CaseResult(String file, String id, List<String> clauses, Status status, double margin, String detail) {}
