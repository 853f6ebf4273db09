/**
 * The homeserver's configuration: {@link org.matrixas.homeserver.config.HomeserverConfig} (one record per concern:
 * {@link org.matrixas.homeserver.config.ListenConfig}, {@link org.matrixas.homeserver.config.RegistrationApiConfig},
 * {@link org.matrixas.homeserver.config.AppServiceConfig}), read from YAML by
 * {@link org.matrixas.homeserver.config.ConfigLoader} or built in code.
 */
package org.matrixas.homeserver.config;
