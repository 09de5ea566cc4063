package tui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"studyguide/room"
)

// readQR reads a QR code drawn in half blocks back as a phone's camera
// would: each cell's two halves as modules, a drawn half in the page's
// text colour (light on a dark page), then an image decoded by ZXing's
// reader (a decoder other than the encoder's).
func readQR(t *testing.T, lines []string, darkPage, big bool) string {
	t.Helper()
	text, err := decodeQR(qrImage(lines, darkPage, big))
	if err != nil {
		t.Fatalf("the drawn QR code does not read back: %v\n%s", err, strings.Join(lines, "\n"))
	}
	return text
}

// qrImage is the picture of a QR code drawn in cells.
func qrImage(lines []string, darkPage, big bool) image.Image {
	const px, pad = 6, 24
	w := 0
	for _, l := range lines {
		w = max(w, len([]rune(l)))
	}
	img := image.NewGray(image.Rect(0, 0, w*px+2*pad, len(lines)*2*px+2*pad))
	page, ink := color.Gray{Y: 255}, color.Gray{Y: 0}
	if darkPage {
		page, ink = ink, page
	}
	for i := range img.Pix {
		img.Pix[i] = 255 // a light margin beyond the screen, as around a projected code
	}
	// a code of an odd number of rows ends in half a row of cells: the
	// bottom halves of the last line are the screen around it
	halfRow := !big && !strings.ContainsAny(lines[len(lines)-1], "▄█")
	for y, l := range lines {
		for x, r := range []rune(l) {
			top, bottom := r == '█' || r == '▀', r == '█' || r == '▄'
			halves := []bool{top, bottom}
			if big {
				halves = []bool{top} // a row of cells is one module high
			}
			if halfRow && y == len(lines)-1 {
				halves = []bool{top}
			}
			for half, drawn := range halves {
				c := page
				if drawn {
					c = ink
				}
				for dy := range px {
					for dx := range px {
						if big {
							img.SetGray(pad+x*px/2+dx/2, pad+y*px+dy, c) // two cells a module
						} else {
							img.SetGray(pad+x*px+dx, pad+(2*y+half)*px+dy, c)
						}
					}
				}
			}
		}
	}
	return img
}

func decodeQR(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	// as a camera would, then (ZXing's finder misjudges the size of a few
	// codes other readers take) as the picture of the code alone it is
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		res, err = qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	}
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// The QR code drawn on the projector reads back to the link it stands
// for, on a dark page and on a light one.
func TestQRCodeReadsBack(t *testing.T) {
	for _, url := range []string{"http://192.168.1.23:8080/?code=48210937", "http://[2001:db8::1234:5678]:8080/?code=00000001"} {
		for _, dark := range []bool{true, false} {
			for _, big := range []bool{false, true} {
				lines := qrLines(url, dark, big)
				if got := readQR(t, lines, dark, big); got != url {
					t.Errorf("dark %v, big %v: read %q, want %q", dark, big, got, url)
				}
				if !big && (len(lines) > 20 || len([]rune(lines[0])) > 40) {
					t.Errorf("%q is drawn %dx%d cells: too big for a 64x20 card", url, len([]rune(lines[0])), len(lines))
				}
			}
		}
	}
}

// screenQR cuts the QR code out of a screen: the run of lines drawn with
// blocks, from the first column any of them draws.
func screenQR(t *testing.T, screen string) []string {
	t.Helper()
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.ContainsAny(l, "█▀▄") {
			rows = append(rows, l)
		} else if len(rows) > 0 {
			break
		}
	}
	if len(rows) < 10 {
		t.Fatalf("no QR code on the screen:\n%s", screen)
	}
	left, right := 1<<30, 0
	for _, l := range rows {
		r := []rune(l)
		for x, c := range r {
			if c == '█' || c == '▀' || c == '▄' {
				left, right = min(left, x), max(right, x+1)
			}
		}
	}
	for i, l := range rows {
		r := append([]rune(l), []rune(strings.Repeat(" ", right))...)
		rows[i] = string(r[left:right])
	}
	return rows
}

// The facilitator's title card, and j, show a QR code that reads back to
// the room's web address with its code: at a projector's 64x20 and 80x24,
// and twice as large on a large screen.
func TestTitleCardQRCodeReadsBack(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {64, 20}, {200, 60}} {
		f := newRoomFixture(t, size[0], size[1], "http://192.0.2.10:8080/")
		want := "http://192.0.2.10:8080/?code=" + f.r.Code()
		big := size[0] == 200
		s := f.screen()
		if got := readQR(t, screenQR(t, s), true, big); got != want {
			t.Errorf("%v: the title card's code reads %q, want %q", size, got, want)
		}
		f.mustSee("code " + room.FormatCode(f.r.Code()))
		f.keys("j")
		if got := readQR(t, screenQR(t, f.screen()), true, size[1] >= 40); got != want {
			t.Errorf("%v: j's code reads %q, want %q", size, got, want)
		}
		f.mustSee("code "+room.FormatCode(f.r.Code())+" · http://192.0.2.10:8080/", "in a terminal: ssh -p 2222 192.0.2.10")
		f.keys("esc")
	}
}
