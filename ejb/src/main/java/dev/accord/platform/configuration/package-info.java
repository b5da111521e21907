/** Typed configuration for the whole application, read in one place from MicroProfile Config. */
package dev.accord.platform.configuration;
