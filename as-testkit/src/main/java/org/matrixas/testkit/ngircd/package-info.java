/**
 * A real ngIRCd for tests: {@link org.matrixas.testkit.ngircd.NgircdServer} and {@link
 * org.matrixas.testkit.ngircd.NgircdAvailability} (skip when missing, fail under {@code CI=true}).
 */
package org.matrixas.testkit.ngircd;
