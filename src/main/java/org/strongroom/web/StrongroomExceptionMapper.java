package org.strongroom.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.StrongroomException;

/** Domain refusals: their code decides the status. */
@Provider
public class StrongroomExceptionMapper implements ExceptionMapper<StrongroomException> {

    @Override
    public Response toResponse(StrongroomException e) {
        return ErrorResponses.of(e.code(), e.getMessage(), e.target());
    }
}
