package dev.plandev.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hostile literals {@link HostileRequests} draws from: path segments, query names and values,
 * content types, headers, JSON values and whole bodies known to trip parsers and routers.
 */
final class HostileValues {
  static final List<String> SEGMENTS =
      List.of(
          "",
          "0",
          "1",
          "2",
          "3",
          "-1",
          "-9223372036854775808",
          "9223372036854775808",
          "99999999999999999999999",
          "1e3",
          "0x10",
          "%00",
          "%2e%2e",
          "..",
          "../..",
          "%2e%2e%2f",
          "%u002e",
          "%",
          "%zz",
          "%ff%fe",
          "%c0%ae",
          "%e2%80%ae",
          "%ED%A0%80",
          "é",
          "😀",
          "a%20b",
          ";x=1",
          "a;b=c",
          "%2F",
          "%5C",
          "\\",
          "~",
          "null",
          "true",
          "{id}",
          "*",
          "db.host",
          "a..b",
          ".",
          "%0d%0aX-Injected:%201",
          "%3Cscript%3E");

  static final List<String> QUERY_NAMES =
      List.of(
          "page",
          "limit",
          "sort",
          "key",
          "format",
          "partial",
          "filter[keyPrefix]",
          "filter[context.env]",
          "filter[deprecated]",
          "filter[expired]",
          "filter[bogus]",
          "context[env]",
          "context[]",
          "context[a][b]",
          "filter[",
          "%zz",
          "",
          "a[b][c]");

  static final List<String> QUERY_VALUES =
      List.of(
          "",
          "-1",
          "0",
          "1",
          "1000",
          "1001",
          "99999999999999999999",
          "1e999999999",
          "NaN",
          "abc",
          "true",
          "maybe",
          "json",
          "yaml",
          "csv",
          "xml",
          "id:asc",
          "key:desc",
          "bogus:up",
          ":",
          "key:asc,id:desc",
          "%00",
          "%zz",
          "%",
          "%ff",
          "%E2%80%AE",
          "a%20b",
          "db.",
          "%2e%2e%2f");

  static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/json; charset=bogus",
          "application/json; charset=",
          "application/json; charset=\"utf-16\"",
          "application/json; charset=utf-32",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/yaml",
          "text/csv",
          "*/*",
          ";;;",
          "application/problem+json",
          "application/octet-stream");

  static final List<String> HEADERS =
      List.of(
          "If-Match: \"1\"",
          "If-Match: 1",
          "If-Match: *",
          "If-Match: \"-1\"",
          "If-Match: \"99999999999999999999\"",
          "If-Match: W/\"1\"",
          "If-Match: \"\"",
          "If-None-Match: \"1\"",
          "If-None-Match: *",
          "If-None-Match: garbage",
          "X-Correlation-Id: ../../etc",
          "X-Correlation-Id: trace-1",
          "Accept: application/xml",
          "Accept: */*",
          "Accept: text/html",
          "Accept-Charset: ebcdic",
          "Origin: http://evil.test",
          "X-HTTP-Method-Override: DELETE",
          "X-Forwarded-For: 1.2.3.4, ::1",
          "Content-Encoding: gzip",
          "Range: bytes=0-1",
          "Cookie: a=b; a=c",
          "X-Empty:");

  static final List<String> JSON_VALUES =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-1",
          "-0",
          "0.1",
          "1e999999999",
          "-1e999999999",
          "1e-999999999",
          "12345678901234567890",
          "123456789012345678901234567890.123456789",
          "9223372036854775808",
          "NaN",
          "\"\"",
          "\"x\"",
          "\"\\u0000\"",
          "\"😀\"",
          "\"\\ud800\"",
          "\"../../etc/passwd\"",
          "[]",
          "{}",
          "[1,\"a\",null]",
          "{\"a\":{\"b\":{\"c\":[]}}}",
          "\"2026-13-45T99:99:99Z\"",
          "\"+999999999-12-31T23:59:59Z\"",
          "\"(a+)+$\"",
          "{\"type\":\"string\",\"pattern\":\"(a+)+$\"}",
          "{\"$ref\":\"http://127.0.0.1:1/x\"}",
          "{\"enum\":[]}",
          "\"enum\"",
          "\"json\"",
          "\"integer\"",
          "\"number\"",
          "\"boolean\"",
          "\"bogus\"",
          "\"delete\"",
          "\"upsert\"",
          "\"admin\"",
          "\"a\\\"b\"");

  static final List<String> BODIES =
      List.of(
          "",
          "null",
          "[]",
          "\"x\"",
          "1",
          "{",
          "{\"a\":}",
          "{} {}",
          "{\"key\":\"a\",\"key\":\"b\"}",
          "\uFEFF{}",
          "{'key':'a'}",
          "/* c */ {}",
          "{\"items\":\"x\"}",
          "{\"items\":[1,null]}",
          "{\"items\":[{\"op\":\"delete\"}]}",
          "{\"context\":{\"a\":{\"b\":1}}}",
          "key,value\nfz.csv,1\n",
          "key,value\n\"broken\n",
          "key;value\nx;y\n",
          "value\n1\n",
          ",,,\n",
          "- key: fz.yaml\n  value: b\n",
          "a: &a [*a, *a]\nb: *a\n",
          "- key: fz\n  value: !!binary AAAA\n",
          "- key: a\n  context: [1]\n",
          ":\n",
          "\t- x\n",
          "- key: fz.nan\n  value: .nan\n");

  /** Nesting just within a parser's limit, past it, and far past it (also left unclosed). */
  static final List<String> DEEP = deep();

  /** A value over the 64 KiB limit, and a batch over its 1000 items. */
  static final List<String> LARGE =
      List.of(
          HostileRequests.quoted("v".repeat(70_000)),
          "["
              + String.join(",", Collections.nCopies(1_100, "{\"key\":\"fz.b\",\"value\":1}"))
              + "]");

  private HostileValues() {}

  private static List<String> deep() {
    List<String> texts = new ArrayList<>();
    for (int n : new int[] {200, 999, 1_200, 50_000}) {
      texts.add("[".repeat(n) + "]".repeat(n));
      texts.add("{\"a\":".repeat(n) + "1" + "}".repeat(n));
      texts.add("[".repeat(n));
    }
    return List.copyOf(texts);
  }
}
