/**
 * A lightweight Matrix homeserver for application services. Entry points: {@link
 * org.matrixas.homeserver.Homeserver#start} (embedding, tests) and {@link org.matrixas.homeserver.Main} (the
 * command line), configured by {@link org.matrixas.homeserver.config.HomeserverConfig}.
 */
package org.matrixas.homeserver;
