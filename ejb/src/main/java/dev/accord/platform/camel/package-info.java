/** Starts the CamelContext that runs the routes of the routes module inside the server. */
package dev.accord.platform.camel;
