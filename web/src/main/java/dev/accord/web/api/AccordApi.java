package dev.accord.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the JAX-RS resources under /api. */
@ApplicationPath("api")
public class AccordApi extends Application {}
