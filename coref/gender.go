package coref

import (
	"strings"

	"github.com/faultline-news/faultline"
)

// gender of a person entity as far as the text tells: from a title ("Mr.",
// "Mrs.", "Ms."), a common first name, or a pronoun already resolved to it.
type gender uint8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// pronounGender is the gender a personal pronoun asks of its antecedent.
func pronounGender(w string) gender {
	switch w {
	case "he", "him", "his", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

var maleTitles = map[string]bool{"mr.": true, "mr": true, "sir": true, "king": true, "prince": true, "lord": true}
var femaleTitles = map[string]bool{"mrs.": true, "mrs": true, "ms.": true, "ms": true, "miss": true, "madam": true, "queen": true, "princess": true, "lady": true}

// A short list of first names that are nearly always male or female in
// English-language news. Names used for both (Chris, Pat, Jordan, ...) are
// left out on purpose: an unknown gender never blocks a resolution.
var maleNames = setOf(`aaron abdul abraham adam adrian ahmed al alan albert alex alexander alfred ali andrew andy anthony antonio arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brett brian bruce bryan carl carlos charles charlie chuck clarence colin craig dan daniel danny darrell dave david dennis dick don donald doug douglas duncan dwight ed eddie edward elijah elliot emmanuel eric ernest eugene evan frank franklin fred frederick gary gavin george gerald glenn gordon graham greg gregory hank harold harry harvey henry herbert howard hugh ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt larry lawrence lee leonard lindsey louis luis luke marco mark martin matt matthew max michael mike mitch mitchell mitt mohammed muhammad nathan neil newt nicholas nick nigel oliver omar oscar patrick paul peter phil philip ralph rand randy ray raymond reince richard rick rob robert roger ron ronald roy rudy russell ryan sam samuel scott sean sergei seth stephen steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trey victor vladimir walter warren wayne william willie xi`)

var femaleNames = setOf(`abigail alice alicia amanda amy ana andrea angela angie ann anna anne barbara betsy betty beverly brenda carly carol caroline carolyn catherine cheryl chelsea christina christine cindy claire claudia cynthia dana deborah debbie debra denise diana diane donna doris dorothy elaine elena elizabeth ellen emily emma erin eva evelyn fiona gloria grace hannah heather helen hillary huma irene jackie jacqueline jane janet janice jean jennifer jessica jill joan joanne joyce judith judy julia julie karen katherine kathleen kathy katie kay kelly kelli kellyanne kim kimberly kirsten laura lauren linda lisa loretta lori louise lynn madeleine margaret maria marie marilyn marsha martha mary megan megyn melania melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy rachel rebecca rosa rose ruth sally samantha sandra sara sarah sharon shirley sophia stephanie susan suzanne teresa theresa tiffany tina valerie victoria virginia wendy`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// entityGenders reads the gender of each person entity from titles
// written before its mentions and from its first name.
func entityGenders(doc *faultline.Document) []gender {
	gs := make([]gender, len(doc.Entities))
	for i, e := range doc.Entities {
		if e.Type != faultline.EntityPerson {
			continue
		}
		male, female := 0, 0
		for _, m := range e.Mentions {
			switch titleBefore(doc.Text, m.Start, m.Text) {
			case genderMale:
				male++
			case genderFemale:
				female++
			}
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			f := strings.Fields(name)
			if len(f) < 2 {
				continue
			}
			first := strings.ToLower(strings.Trim(f[0], ".,"))
			if maleNames[first] {
				male++
			} else if femaleNames[first] {
				female++
			}
		}
		switch {
		case male > female:
			gs[i] = genderMale
		case female > male:
			gs[i] = genderFemale
		}
	}
	return gs
}

// titleBefore reads a gendered title at the start of a mention or as the
// word right before it.
func titleBefore(text string, start int, mention string) gender {
	if f := strings.Fields(mention); len(f) > 1 {
		if g := titleGender(f[0]); g != genderUnknown {
			return g
		}
	}
	if start <= 0 || start > len(text) {
		return genderUnknown
	}
	before := strings.TrimRight(text[:start], " ")
	i := strings.LastIndexAny(before, " \n\t")
	return titleGender(before[i+1:])
}

func titleGender(w string) gender {
	lw := strings.ToLower(w)
	switch {
	case maleTitles[lw]:
		return genderMale
	case femaleTitles[lw]:
		return genderFemale
	}
	return genderUnknown
}
