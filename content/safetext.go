package content

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A pack comes from someone else, and everything in it ends up on a
// terminal. A terminal obeys control characters: ESC starts sequences that
// move the cursor, retitle the window or write the clipboard (OSC 52); C1
// controls do the same in one character; BEL, backspace and carriage return
// overwrite or disturb what is shown; bidirectional overrides make text
// display in another order than it is stored. No pack text may contain any
// of them. They are rejected, not stripped: an author learns where they are,
// and nothing is rendered from a pack that has them.

// c0Names names the C0 control characters and DEL.
var c0Names = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
	"SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// c1Names names the C1 control characters U+0080 to U+009F.
var c1Names = [...]string{"PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
	"RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC",
	"PM", "APC"}

// bidiNames names the bidirectional embedding, override and isolate controls.
var bidiNames = map[rune]string{0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"}

// forbidden describes a character no pack text may contain and why, or
// returns "" for one that is fine. Tab and line feed are fine; a carriage
// return is only accepted as part of a CRLF line end, which reading removes.
func forbidden(r rune) (what, why string) {
	const (
		sequences = "terminal control sequences are not allowed"
		controls  = "control characters other than tab and line break are not allowed"
	)
	switch {
	case r == '\t' || r == '\n':
		return "", ""
	case r == 0x1B:
		return "an escape character (ESC, U+001B)", sequences
	case r < 0x20:
		return fmt.Sprintf("a control character (%s, U+%04X)", c0Names[r], r), controls
	case r == 0x7F:
		return "a control character (DEL, U+007F)", controls
	case r >= 0x80 && r <= 0x9F:
		return fmt.Sprintf("a C1 control character (%s, U+%04X)", c1Names[r-0x80], r), sequences
	}
	if name, ok := bidiNames[r]; ok {
		return fmt.Sprintf("a bidirectional control (%s, U+%04X)", name, r),
			"it makes text display in another order than it is written"
	}
	return "", ""
}

// firstForbidden finds the first character of s that no pack text may
// contain: its 1-based place in runes, what it is and why it is refused.
// Invalid UTF-8 counts, since a stray byte from 0x80 to 0x9F is a C1
// control to some terminals.
func firstForbidden(s string) (col int, what, why string) {
	for i, r := range s {
		col++
		if r == utf8.RuneError && isBadByte(s[i:]) {
			return col, fmt.Sprintf("a byte that is not UTF-8 (0x%02X)", s[i]), "save the file as UTF-8"
		}
		if what, why := forbidden(r); what != "" {
			return col, what, why
		}
	}
	return 0, "", ""
}

// charRefRE matches an HTML numeric character reference as html.UnescapeString
// and Glamour read it: the semicolon is optional.
var charRefRE = regexp.MustCompile(`&#[xX][0-9a-fA-F]+;?|&#[0-9]+;?`)

// forbiddenRef finds a character reference in s, such as "&#27;", that
// stands for a forbidden character. Glamour decodes references in the text
// it renders, so "&#x1b;" would reach the terminal as ESC.
func forbiddenRef(s string) (ref, what, why string) {
	if !strings.Contains(s, "&") {
		return "", "", ""
	}
	for _, ref := range charRefRE.FindAllString(s, -1) {
		digits := strings.TrimSuffix(ref[2:], ";")
		base := 10
		if digits[0] == 'x' || digits[0] == 'X' {
			digits, base = digits[1:], 16
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil || n > utf8.MaxRune {
			continue
		}
		if what, why := forbidden(rune(n)); what != "" {
			return ref, what, why
		}
	}
	// Named references: none stands for a forbidden character today, but
	// decoding settles it.
	if _, what, why := firstForbidden(html.UnescapeString(s)); what != "" {
		return "&…;", what, why
	}
	return "", "", ""
}

// lineProblem says what is wrong with one line of a pack file, or "".
func lineProblem(s string) string {
	if col, what, why := firstForbidden(s); what != "" {
		return fmt.Sprintf("character %d is %s: %s", col, what, why)
	}
	if ref, what, why := forbiddenRef(s); ref != "" {
		return fmt.Sprintf("the character reference %q stands for %s: %s", ref, what, why)
	}
	return ""
}

// valueProblem says what is wrong with a text as YAML decoded it, where
// escapes such as "\e" or "\x1b" have become the characters they name.
func valueProblem(s string) string {
	if _, what, why := firstForbidden(s); what != "" {
		return fmt.Sprintf("a quoted text has an escape (such as \\e or \\x1b) for %s: %s", what, why)
	}
	if ref, what, why := forbiddenRef(s); ref != "" {
		return fmt.Sprintf("a quoted text has the character reference %q, which stands for %s: %s", ref, what, why)
	}
	return ""
}

// SafeText returns s with every character a pack may not contain written
// as a visible escape such as \x1b, so that text taken from a pack (in a
// problem message, say) can be printed without the terminal obeying it.
func SafeText(s string) string {
	if col, _, _ := firstForbidden(s); col == 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isBadByte(s[i:]):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isForbidden(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isForbidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBadByte reports whether s starts with a byte that is not UTF-8.
func isBadByte(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return r == utf8.RuneError && size == 1
}

func isForbidden(r rune) bool {
	what, _ := forbidden(r)
	return what != ""
}

// StripUnsafe removes from s every character a pack may not contain
// (control characters but tab and newline, escape sequences' introducers,
// bidi overrides, bytes that are not UTF-8): for text that comes from a
// file a person may have edited or been handed, such as saved notes, which
// is shown and exported but must never drive the terminal.
func StripUnsafe(s string) string {
	if col, _, _ := firstForbidden(s); col == 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && isBadByte(s[i:]) || isForbidden(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
