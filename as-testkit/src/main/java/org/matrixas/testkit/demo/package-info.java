/** Small programs for trying the toolkit by hand: {@link org.matrixas.testkit.demo.MatrixChat}. */
package org.matrixas.testkit.demo;
