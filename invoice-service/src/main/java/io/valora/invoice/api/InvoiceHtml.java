package io.valora.invoice.api;

import java.util.List;

/**
 * A clean, printable HTML page of one invoice (for {@code Accept: text/html}): number, customer, subscription,
 * period, status, the lines and the total. Self-contained (inline CSS, no scripts, no external
 * resources), every value HTML-escaped.
 *
 * <p>Why it exists: a back-office user or a customer wants to look at or print an invoice without
 * a client program; the figures are exactly the JSON's.
 */
final class InvoiceHtml {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:52rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.5rem;margin:0 0 .25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
            dt{color:#666}table{width:100%;border-collapse:collapse;margin-top:1.5rem}
            th,td{padding:.4rem .5rem;border-bottom:1px solid #ddd;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tfoot td{font-weight:600;border-bottom:none}.status{text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
            @media print{body{margin:0}}""";

    private InvoiceHtml() {
    }

    static String render(InvoiceJson invoice) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Invoice ").append(invoice.number()).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n")
                .append("<h1>Invoice ").append(invoice.number()).append("</h1>")
                .append("<p class=\"status\">").append(esc(invoice.status())).append("</p>\n<dl>")
                .append(row("Customer", invoice.customer()))
                .append(row("Subscription", invoice.subscription()))
                .append(row("Period", invoice.periodStart() + " – " + invoice.periodEnd()))
                .append(row("Currency", invoice.currency()))
                .append(row("Invoice id", invoice.id()));
        if (invoice.lifecycle().paymentReference() != null) {
            html.append(row("Payment reference", invoice.lifecycle().paymentReference()));
        }
        html.append("</dl>\n<table><thead><tr><th>Description</th><th class=\"n\">Quantity</th>")
                .append("<th class=\"n\">Unit price</th><th class=\"n\">Amount</th></tr></thead><tbody>\n");
        lines(html, invoice.lines());
        html.append("</tbody><tfoot><tr><td colspan=\"3\">Subtotal</td><td class=\"n\">").append(esc(invoice.subtotal()))
                .append("</td></tr><tr><td colspan=\"3\">Total (").append(esc(invoice.currency())).append(")</td><td class=\"n\">")
                .append(esc(invoice.total())).append("</td></tr></tfoot></table>\n</body></html>\n");
        return html.toString();
    }

    private static void lines(StringBuilder html, List<InvoiceJson.LineJson> lines) {
        for (InvoiceJson.LineJson line : lines) {
            html.append("<tr><td>").append(esc(line.description())).append("</td><td class=\"n\">")
                    .append(esc(line.quantity())).append("</td><td class=\"n\">")
                    .append(esc(line.unitPrice() == null ? "" : line.unitPrice())).append("</td><td class=\"n\">")
                    .append(esc(line.amount())).append("</td></tr>\n");
        }
    }

    private static String row(String label, String value) {
        return "<dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
