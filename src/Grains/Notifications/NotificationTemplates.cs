using System.Globalization;
using System.Net;
using System.Text;
using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>
/// Renders every notification as a title, a plain-text body and an HTML body. Values that come from users (exam
/// titles, names, reasons) are HTML-escaped in the HTML and nowhere trusted; times are shown in UTC with the
/// explicit offset, because recipients read them in every time zone.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>A time as <c>Monday 2 March 2026, 09:00 UTC (2026-03-02T09:00:00+00:00)</c>.</summary>
    public static string Time(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var text = utc.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return $"{text} ({utc.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)})";
    }

    /// <summary>
    /// Builds a notification from paragraphs of plain text. The HTML escapes every paragraph whole, so no value a user
    /// typed (a title, a name, a reason) can carry markup into the e-mail.
    /// </summary>
    public static NewNotification Render(Guid sourceId, NotificationType type, string title, string? link, Uri? baseUrl, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>");
        foreach (var line in lines)
        {
            text.AppendLine(line);
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        if (link is not null && baseUrl is not null)
        {
            var url = new Uri(baseUrl, link).ToString();
            text.AppendLine().AppendLine(url);
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">Open ProctorWise</a></p>");
        }

        html.Append("<p style=\"color:#666;font-size:smaller\">You can choose which notifications you receive by e-mail in your notification preferences.</p></body></html>");
        return new NewNotification(sourceId, type, title, text.ToString().TrimEnd(), html.ToString(), link);
    }
}
