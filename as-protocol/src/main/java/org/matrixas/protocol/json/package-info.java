/** The shared JSON mapper for wire types: {@link org.matrixas.protocol.json.Json}. */
package org.matrixas.protocol.json;
