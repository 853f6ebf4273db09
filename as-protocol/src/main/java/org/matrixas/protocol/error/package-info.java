/**
 * Matrix errors: {@link org.matrixas.protocol.error.MatrixError} (errcode, message, HTTP status) and the one
 * unchecked {@link org.matrixas.protocol.error.MatrixException} that carries it.
 */
package org.matrixas.protocol.error;
