package org.strongroom.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;

/** Puts the API's error answers in Azure's envelope on a key vault's own host ({@link AzureErrors}). */
@Provider
public class AzureErrorEnvelope implements ContainerResponseFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody error && AzureErrors.apply(servletRequest, settings)) {
            AzureErrors.AzureError azure = AzureErrors.of(response.getStatus(), ErrorCode.valueOf(error.code()), error.message(),
                    request.getMethod(), error.target());
            response.setStatus(azure.status());
            response.setEntity(azure.body(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
