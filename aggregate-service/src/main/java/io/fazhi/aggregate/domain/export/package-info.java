/**
 * Exporting tables people open in Excel or WPS: CSV (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formula
 * guard) and .xlsx (fastexcel), with English column ids or Chinese headers.
 */
package io.fazhi.aggregate.domain.export;
