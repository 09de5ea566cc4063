package tui

import (
	"strings"

	goqr "github.com/piglig/go-qr"
)

// qrModules is how many modules wide a QR code of text is drawn, its
// quiet zone included; 0 when text is too long for one.
func qrModules(text string) int {
	q, err := goqr.EncodeText(text, goqr.Low)
	if err != nil {
		return 0
	}
	return q.Size() + 2*qrQuiet
}

// qrQuiet is the light border around a QR code, in modules. The standard
// asks for four; two scan reliably off a screen, and the room is tight.
const qrQuiet = 2

// qrLines draws a QR code of text in text cells, two modules to a cell
// (half blocks), so it keeps its square shape; big draws each module as a
// whole row of two cells, twice the size, for a large screen. The page's
// own colours draw it: on a dark page the light modules are drawn (█) and
// the dark ones are the page; on a light page the dark modules are. Nil
// when text is too long for a code.
func qrLines(text string, darkPage, big bool) []string {
	q, err := goqr.EncodeText(text, goqr.Low)
	if err != nil {
		return nil
	}
	n := q.Size() + 2*qrQuiet
	drawn := func(x, y int) bool {
		dark := q.Module(x-qrQuiet, y-qrQuiet) // false outside the code: the quiet zone is light
		if y >= n {
			return false // below the last row: the page
		}
		return dark != darkPage
	}
	var lines []string
	if big {
		for y := range n {
			var b strings.Builder
			for x := range n {
				if drawn(x, y) {
					b.WriteString("██")
				} else {
					b.WriteString("  ")
				}
			}
			lines = append(lines, b.String())
		}
		return lines
	}
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := range n {
			switch top, bottom := drawn(x, y), drawn(x, y+1); {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
