/**
 * Third-party network lookups as an application service answers them
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#third-party-networks">spec</a>):
 * {@link org.matrixas.protocol.thirdparty.ThirdPartyProtocol} (with its
 * {@link org.matrixas.protocol.thirdparty.ThirdPartyInstance}s and
 * {@link org.matrixas.protocol.thirdparty.ThirdPartyFieldType}s),
 * {@link org.matrixas.protocol.thirdparty.ThirdPartyLocation} and
 * {@link org.matrixas.protocol.thirdparty.ThirdPartyUser}. A service returns them from the third-party methods of
 * {@link org.matrixas.protocol.appservice.AppService}; the endpoint writes them as JSON.
 */
package org.matrixas.protocol.thirdparty;
