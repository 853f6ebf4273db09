/**
 * Namespaces of an application service and their linear-time matching: {@link
 * org.matrixas.protocol.namespace.Namespaces} and {@link org.matrixas.protocol.namespace.NamespaceMatcher}.
 */
package org.matrixas.protocol.namespace;
