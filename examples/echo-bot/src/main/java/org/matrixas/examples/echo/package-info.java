/**
 * A minimal application service showing the toolkit end to end: {@link org.matrixas.examples.echo.Main} runs it
 * from a registration file, and {@link org.matrixas.examples.echo.EchoBot} is the {@code AppService} that answers
 * alias queries with new rooms and echoes what people say in them.
 */
package org.matrixas.examples.echo;
