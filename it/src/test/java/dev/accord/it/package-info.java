/** Integration tests: the real EAR in a real WildFly with its embedded broker and database. */
package dev.accord.it;
