/** Who may call the API: intake sources authenticate with a bearer key. */
package dev.accord.web.api.security;
