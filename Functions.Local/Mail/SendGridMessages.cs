namespace NetworkFunctions.Local.Mail;

/// <summary>
/// SendGrid's own wording for the errors the sink reproduces, from the v3 Mail Send error reference
/// (docs.sendgrid.com/api-reference/mail-send/errors) and from answers the live API gives.
/// </summary>
public static class SendGridMessages
{
    private const string AddressExample =
        "e.g. {\"email\" : \"example@example.com\"} or {\"email\" : \"example@example.com\", \"name\" : \"Example Recipient\"}";

    public const string BadRequest = "Bad Request";
    public const string InvalidUtf8 = "Invalid UTF8 in request";
    public const string PayloadTooLarge = "The JSON payload you have included in your request is too large.";
    public const string Unauthorized = "The provided authorization grant is invalid, expired, or revoked";
    public const string UnsupportedMediaType = "Content-Type should be application/json.";
    public const string TooManyRequests = "too many requests";

    public const string FromRequired =
        "The from object must be provided for every email send. It is an object that requires the email parameter, " +
        "but may also contain a name parameter. " + AddressExample + ".";
    public const string FromInvalid = "The from email does not contain a valid address.";
    public const string ReplyToInvalid = "The reply_to email does not contain a valid address.";
    public const string AddressInvalid = "Does not contain a valid address.";

    public const string PersonalizationsRequired = "The personalizations field is required and must have at least one personalization.";
    public const string PersonalizationsEmpty = "You must have at least one personalization.";
    public const string TooManyRecipients = "There is a limit of 1000 total recipients (to + cc + bcc) per request.";
    public const string ToRequired = "The to parameter is required for all personalization objects.";

    public const string SubjectRequired =
        "The subject is required. You can get around this requirement if you use a template with a subject defined " +
        "or if every personalization has a subject defined.";
    public const string SubjectEmpty = "The subject of your email must be a string at least one character in length.";

    public const string ContentRequired =
        "The content param is required unless you are using a transactional template and have defined a template_ID.";
    public const string ContentEmpty =
        "There must be at least one defined content block. We typically suggest both text/plain and text/html blocks " +
        "are included, but only one block is required.";
    public const string ContentTypeRequired = "A content type is required, this tells email clients how to display the email.";
    public const string ContentTypeEmpty = "Your content type must be a string with length of at least one character.";
    public const string ContentTypeCharacters = "Cannot contain ';', or CRLF characters.";
    public const string ContentValueRequired = "A content value is required, this is the content of the email you are sending.";
    public const string ContentValueEmpty = "The content value must be a string at least one character in length.";
    public const string ContentOrder =
        "Following RFC 1341, section 7.2, if either text/html or text/plain are to be sent in your email: " +
        "text/plain needs to be first, followed by text/html, followed by any other content.";
    public const string ContentTypesUnique = "If present, text/plain and text/html may only be provided once.";

    public const string AttachmentContentEmpty = "The attachment content must be a string at least one character in length.";
    public const string AttachmentContentBase64 = "The attachment content must be base64 encoded.";
    public const string AttachmentFilenameRequired = "filename is required.";
    public const string AttachmentFilenameString = "The filename of your attachment must be a string.";
    public const string AttachmentFilenameCharacters = "The filename of your attachment cannot contain CRLF characters.";
    public const string AttachmentTypeEmpty = "The attachment type must be a string and at least one character in length.";
    public const string AttachmentTypeCharacters = "The type cannot contain ';', or CRLF characters.";
    public const string AttachmentContentIdCharacters = "The content ID of your attachment cannot contain CRLF characters.";

    public const string CategoriesStrings = "Categories must be an array of strings.";
    public const string CategoriesAscii = "Categories can not contain non-ASCII characters.";

    public const string CustomArgsStrings = "All values of custom arguments object must be strings";
    public const string CustomArgsEmpty = "custom_args cannot be empty.";
    public const string SubstitutionsStrings =
        "The substitution values must be an object of key/value pairs, where the values are all strings.";
    public const string HeadersStrings = "The header values must be strings.";
    public const string HeaderKeys = "Header keys cannot contain non-ASCII characters and empty spaces.";
    public const string HeaderReserved = "Header can not be one of the reserved keys.";
    public const string SectionsStrings = "The section values must be strings.";

    public const string SendAtInteger =
        "The send_at parameter is expecting a Unix timestamp as an integer. We will send immediately if you include " +
        "a send_at timestamp that is in the past.";
    public const string BatchIdString = "The batch_id must be a string.";
    public const string IpPoolString = "The name of your IP pool must be a string.";
    public const string AsmGroupId = "The ASM group ID must be an integer.";
    public const string AsmGroupsToDisplay = "The ASM Group IDs to display must be an array of integers.";
    public const string AsmGroupsLimit = "There is a limit of 25 unsubscribe groups that can be displayed to a user at a time.";

    public static string TooManyPersonalizations(int count) =>
        $"The personalization block is limited to 1000 personalizations per API request. You have provided {count} " +
        "personalizations. Please consider splitting this into multiple requests and resending your request.";

    public static string RecipientArray(string kind) => kind == "to"
        ? "The to array must at least have an email parameter with a valid email address and it may also contain a name parameter. " + AddressExample
        : $"The {kind} array, when used, must at least have an email parameter with a valid email address and it may also contain a name parameter. " + AddressExample;

    public static string AddressTooLong(string label) => $"The {label} email exceeds the maximum total length of 320 characters";

    public static string NameString(string label) => $"The {label} name must be a string.";

    public static string DuplicateRecipient(string email, string field) =>
        $"Each email address in the personalization block should be unique between to, cc, and bcc. " +
        $"We found the first duplicate instance of [{email}] in the {field} field.";

    public static string ContentTypeRepeated(string type) =>
        $"Each content type may only be provided once. You have included {type} more than once.";

    public static string AttachmentDisposition(string provided) =>
        $"The disposition of your attachment can be either \"inline\" or \"attachment\". You provided {provided}.";

    public static string AttachmentContentIdString(string provided) =>
        $"The content ID of your attachment must be a string. You provided {provided}.";

    public static string TooManyCategories(int count) =>
        $"There is a limit of 10 categories for each email that is sent. You provided {count} categories.";

    public static string CategoryTooLong(string category) =>
        $"Each category must not be longer than 255 characters. {category} exceeds this limit";

    public static string CategoryRepeated(string category) =>
        $"The categories must be a unique list, and you have included {category} more than once.";

    public static string TemplateIdString(string provided) => $"The template ID must be a string, you provided {provided}.";

    public static string SettingEnable(string label) => $"The {label} enable param should be a boolean value.";
}
