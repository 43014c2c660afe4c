package dev.invoicebridge.attio.contract;

/**
 * Which side of which call a violation was found in.
 *
 * @param call method and concrete path, such as {@code POST /v2/objects/people/records}
 * @param template the document's path template the call was routed to
 * @param request true for the request body, false for the response
 */
record Exchange(String call, String template, int status, boolean request) {
  @Override
  public String toString() {
    return call + (request ? " request" : " response " + status);
  }
}
