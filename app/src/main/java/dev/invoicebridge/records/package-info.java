/**
 * Browsing a workspace's Attio records (people, companies, deals, custom objects) live from Attio,
 * with search and paging: the data behind the record browser and every record picker.
 */
package dev.invoicebridge.records;
