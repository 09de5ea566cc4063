package tui

import "strings"

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

// halfHeight draws five rows of big glyphs in three, two rows to a line
// with half blocks: the same shapes, for a screen with less room.
func halfHeight(rows []string) []string {
	cell := func(r []rune, i int) bool { return i < len(r) && r[i] != ' ' }
	var out []string
	for top := 0; top < len(rows); top += 2 {
		upper := []rune(rows[top])
		var lower []rune
		if top+1 < len(rows) {
			lower = []rune(rows[top+1])
		}
		var b strings.Builder
		for i := range upper {
			switch u, l := cell(upper, i), cell(lower, i); {
			case u && l:
				b.WriteRune('█')
			case u:
				b.WriteRune('▀')
			case l:
				b.WriteRune('▄')
			default:
				b.WriteRune(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}
