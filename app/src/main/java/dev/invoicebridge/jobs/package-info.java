/** Durable background jobs on db-scheduler, and the record of each run. */
package dev.invoicebridge.jobs;
