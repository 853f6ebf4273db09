/** The JUnit 5 extension behind {@link org.matrixas.testkit.MatrixTest}; not an API. */
package org.matrixas.testkit.internal;
