package timex

import (
	"fmt"
	"time"
)

// Grains of a resolved time (faultline.Time.Grain).
const (
	GrainDay   = "day"
	GrainWeek  = "week"
	GrainMonth = "month"
	GrainYear  = "year"
	GrainRange = "range"
)

// resolved is a time value with its grain and the first day it covers
// (used to turn "since X" into a range).
type resolved struct {
	value string
	grain string
	from  time.Time
	abs   bool // fully written out in the text, no reference needed
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dayOf returns t's calendar day at midnight UTC, in t's own location.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return date(y, m, d)
}

func formatDay(t time.Time) string { return t.Format("2006-01-02") }

func dayValue(t time.Time) resolved {
	return resolved{value: formatDay(t), grain: GrainDay, from: t}
}

func weekValue(t time.Time) resolved {
	y, w := t.ISOWeek()
	monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return resolved{value: fmt.Sprintf("%04d-W%02d", y, w), grain: GrainWeek, from: monday}
}

func monthValue(y int, m time.Month) resolved {
	t := date(y, m, 1) // normalises month overflow
	return resolved{value: fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())), grain: GrainMonth, from: t}
}

func yearValue(y int) resolved {
	return resolved{value: fmt.Sprintf("%04d", y), grain: GrainYear, from: date(y, 1, 1)}
}

func rangeValue(from, to time.Time) resolved {
	if to.Before(from) {
		from, to = to, from
	}
	return resolved{value: formatDay(from) + "/" + formatDay(to), grain: GrainRange, from: from}
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	return date(y, time.Month(m), d).Day() == d
}

// weekdayOnOrBefore returns the last day on or before ref that falls on wd.
func weekdayOnOrBefore(ref time.Time, wd time.Weekday) time.Time {
	return ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
}

// weekdayOnOrAfter returns the first day on or after ref that falls on wd.
func weekdayOnOrAfter(ref time.Time, wd time.Weekday) time.Time {
	return ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
}

// monthIndex counts months from year 0, so month arithmetic is integer
// arithmetic.
func monthIndex(y int, m time.Month) int { return y*12 + int(m) - 1 }

// addMonths moves ref by n months, clamping the day to the month's end.
func addMonths(ref time.Time, n int) time.Time {
	idx := monthIndex(ref.Year(), ref.Month()) + n
	y, m := idx/12, time.Month(idx%12+1)
	d := ref.Day()
	last := date(y, m+1, 0).Day()
	if d > last {
		d = last
	}
	return date(y, m, d)
}
