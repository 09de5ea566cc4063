package tui

// bigGlyphs draw a countdown in digits five rows tall, readable from the
// back of a room. Each is three cells wide; the colon one.
var bigGlyphs = map[rune][5]string{
	'0': {"███", "█ █", "█ █", "█ █", "███"},
	'1': {" █ ", "██ ", " █ ", " █ ", "███"},
	'2': {"███", "  █", "███", "█  ", "███"},
	'3': {"███", "  █", "███", "  █", "███"},
	'4': {"█ █", "█ █", "███", "  █", "  █"},
	'5': {"███", "█  ", "███", "  █", "███"},
	'6': {"███", "█  ", "███", "█ █", "███"},
	'7': {"███", "  █", "  █", "  █", "  █"},
	'8': {"███", "█ █", "███", "█ █", "███"},
	'9': {"███", "█ █", "███", "  █", "███"},
	':': {" ", "█", " ", "█", " "},
}

// bigText is s in big glyphs, five lines, one space between glyphs.
// Characters without a glyph are left out.
func bigText(s string) []string {
	rows := make([]string, 5)
	first := true
	for _, r := range s {
		g, ok := bigGlyphs[r]
		if !ok {
			continue
		}
		for i := range rows {
			if !first {
				rows[i] += " "
			}
			rows[i] += g[i]
		}
		first = false
	}
	return rows
}

// bigWidth is how wide bigText(s) is.
func bigWidth(s string) int { return len([]rune(bigText(s)[0])) }
