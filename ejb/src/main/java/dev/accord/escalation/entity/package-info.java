/** Escalations as stored: one row per alert, recipient and channel, written before sending. */
package dev.accord.escalation.entity;
