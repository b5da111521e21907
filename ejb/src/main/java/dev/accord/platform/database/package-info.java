/** The database schema: migrated by Flyway before anything reads or writes a lead. */
package dev.accord.platform.database;
