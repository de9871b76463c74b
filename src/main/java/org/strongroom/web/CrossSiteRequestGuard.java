package org.strongroom.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * Keeps other web sites from using a browser's cached Strongroom credentials. A page of another site can
 * make the browser POST here — a form, or a script's request without custom headers — but only with a
 * content type a form can send (form-urlencoded, multipart, text/plain) or none; anything else needs a
 * CORS preflight, which Strongroom never grants. So a POST is taken only with
 * {@code Content-Type: application/json}, even without a body, or with the {@code X-Requested-With}
 * header Strongroom's own pages send. PUT, PATCH and DELETE cannot be sent cross-site without a preflight.
 * Requests with a Bearer access token (the Azure SDKs' POSTs without a body carry no content type) and the
 * token endpoint ({@code login/...}, which takes its OAuth form as OAuth defines it) are let through: a
 * browser never adds a Bearer token, or a client secret, by itself.
 */
@Provider
@PreMatching
public class CrossSiteRequestGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (!HttpMethod.POST.equals(request.getMethod()) || request.getHeaderString("X-Requested-With") != null
                || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || request.getUriInfo().getPath().matches("/?login/.*")) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            request.abortWith(ErrorResponses.of(ErrorCode.UnsupportedMediaType, "A POST takes Content-Type: "
                    + "application/json, even without a body (a form of another web site cannot send that, so it "
                    + "cannot make your browser call Strongroom)", "Content-Type"));
        }
    }
}
