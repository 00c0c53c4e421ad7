package lexicon

// roleTable maps role nouns to CAMEO agent (role) codes, one a line:
//
//	phrase|plural|code
//
// An empty plural means the regular one; "-" means none (mass nouns, or
// words already plural). The codes follow the CAMEO actor codebook and agree
// with the Phoenix agents dictionary where it has the word. Written by the
// faultline team.
const roleTable = `
president||GOV
vice president||GOV
prime minister||GOV
premier||GOV
chancellor||GOV
minister||GOV
foreign minister||GOV
defense minister||GOV
defence minister||GOV
interior minister||GOV
finance minister||GOV
secretary of state|secretaries of state|GOV
ministry|ministries|GOV
foreign ministry|foreign ministries|GOV
defense ministry|defense ministries|GOV
government||GOV
administration||GOV
regime||GOV
cabinet||GOV
official||GOV
government official||GOV
authorities|-|GOV
spokesman|spokesmen|GOV
spokeswoman|spokeswomen|GOV
spokesperson|spokespeople|GOV
ambassador||GOV
diplomat||GOV
envoy||GOV
king||GOV
junta|juntas|GOV
queen||GOV
emir||GOV
sultan||GOV
crown prince|crown princes|GOV
monarch||GOV
governor||GOV
mayor||GOV
leader||GOV
head of state|heads of state|GOV
army|armies|MIL
military|-|MIL
armed forces|-|MIL
troops|-|MIL
troop||MIL
soldier||MIL
forces|-|MIL
security forces|-|MIL
navy|navies|MIL
air force||MIL
marines|-|MIL
marine||MIL
commander||MIL
general||MIL
colonel||MIL
defense forces|-|MIL
special forces|-|MIL
paratrooper||MIL
coalition forces|-|MIL
militia|militias|UAF
militiaman|militiamen|UAF
militant||UAF
gunman|gunmen|UAF
raider||REB
rustler||CRM
cattle rustler||CRM
fighter||UAF
terrorist||UAF
jihadist||UAF
armed group||UAF
paramilitary|paramilitaries|UAF
rebel||REB
insurgent||REB
insurgency|insurgencies|REB
guerrilla||REB
separatist||REB
rebel group||REB
police|-|COP
policeman|policemen|COP
policewoman|policewomen|COP
police officer||COP
police force||COP
riot police|-|COP
gendarmerie||COP
opposition|-|OPP
opposition party|opposition parties|OPP
opposition leader||OPP
dissident||OPP
activist||OPP
protester||OPP
protestor||OPP
demonstrator||OPP
parliament||LEG
lawmaker||LEG
legislator||LEG
legislature||LEG
congress|-|LEG
congressman|congressmen|LEG
congresswoman|congresswomen|LEG
senate||LEG
senator||LEG
mp||LEG
member of parliament|members of parliament|LEG
court||JUD
judge||JUD
supreme court||JUD
tribunal||JUD
prosecutor||JUD
judiciary|judiciaries|JUD
attorney general|attorneys general|JUD
journalist||MED
reporter||MED
media|-|MED
news agency|news agencies|MED
newspaper||MED
broadcaster||MED
television|-|MED
state media|-|MED
ngo||NGO
nongovernmental organization||NGO
non-governmental organization||NGO
aid group||NGO
aid agency|aid agencies|NGO
aid worker||NGO
charity|charities|NGO
human rights group||HRI
rights group||HRI
human rights organization||HRI
human rights watchdog||HRI
rights activist||HRI
human rights activist||HRI
civilian||CVL
resident||CVL
family|families|CVL
villager||CVL
citizen||CVL
local||CVL
passenger||CVL
business||BUS
company|companies|BUS
firm||BUS
corporation||BUS
businessman|businessmen|BUS
businesswoman|businesswomen|BUS
executive||BUS
investor||BUS
bank||BUS
cleric||REL
church|churches|REL
imam||REL
priest||REL
bishop||REL
pope||REL
rabbi||REL
mosque||REL
religious leader||REL
intelligence|-|SPY
intelligence agency|intelligence agencies|SPY
intelligence service||SPY
spy|spies|SPY
student||EDU
teacher||EDU
university|universities|EDU
refugee||REF
migrant||REF
asylum seeker||REF
worker||LAB
union||LAB
trade union||LAB
labor union||LAB
farmer||AGR
settler||CVL
doctor||HLH
hospital||HLH
nurse||HLH
criminal||CRM
smuggler||CRM
kidnapper||CRM
pirate||CRM
gang||CRM
drug cartel||CRM
cartel||CRM
`

// organisationTable lists well-known organisations, one a line:
//
//	code|kind|names|ours
//
// kind is igo, ngo or armed; names are separated by ';', the first is
// canonical. Codes come from the Phoenix dictionaries where they list the
// organisation (IGOUNO, IGOWSTNAT, IGOEUREEC, IGOAFRAFU, NGOHRI, IMGMUSISI,
// ...); a fourth field "ours" marks codes we chose following the CAMEO
// codebook conventions because Phoenix has no entry.
// Written by the faultline team.
const organisationTable = `
IGOUNO|igo|United Nations;UN;U.N.;UNO
IGOUNO|igo|UN Security Council;U.N. Security Council;United Nations Security Council;Security Council;UNSC
IGOUNO|igo|UN General Assembly;U.N. General Assembly;United Nations General Assembly
IGOUNOREFHCR|igo|UNHCR;UN refugee agency;U.N. refugee agency;United Nations High Commissioner for Refugees
IGOUNOKID|igo|UNICEF;United Nations Children's Fund
IGOUNOHLHWHO|igo|World Health Organization;WHO;World Health Organisation
IGOUNOWFP|igo|World Food Programme;World Food Program;WFP
IGOUNOIAE|igo|International Atomic Energy Agency;IAEA
IGOUNODEVWBK|igo|World Bank
IGOUNODEV|igo|UNDP;United Nations Development Programme
IGOBUSIMF|igo|International Monetary Fund;IMF
IGOWSTNAT|igo|NATO;North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Nato
IGOEUREEC|igo|European Union;EU;E.U.;European Commission;European Council
IGOAFRAFU|igo|African Union;AU
IGOMEAARL|igo|Arab League;League of Arab States
IGOSEAASN|igo|ASEAN;Association of Southeast Asian Nations
IGOOPC|igo|OPEC;Organization of the Petroleum Exporting Countries
IGOMOSOIC|igo|Organization of Islamic Cooperation;Organisation of Islamic Cooperation;OIC
IGOCOPITP|igo|Interpol;INTERPOL
IGOGOS|igo|G7;G-7;Group of Seven
IGOGCC|igo|Gulf Cooperation Council;GCC|ours
IGOOSCE|igo|Organization for Security and Co-operation in Europe;OSCE|ours
IGOJUDICC|igo|International Criminal Court;ICC|ours
NGOHRI|ngo|Human Rights Watch;HRW
NGOHRIAMN|ngo|Amnesty International
NGOHLHIRC|ngo|International Committee of the Red Cross;ICRC;Red Cross;Red Crescent;International Federation of Red Cross and Red Crescent Societies;IFRC
NGOHLH|ngo|Doctors Without Borders;Medecins Sans Frontieres;Médecins Sans Frontières;MSF|ours
IMGMUSISI|armed|Islamic State;IS;ISIS;ISIL;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State group
IMGMUSALQ|armed|al-Qaeda;al-Qaida;al Qaeda;al Qaida;Al-Qaeda;Al Qaeda
AFGREB|armed|Taliban;Taleban
LBNREB|armed|Hezbollah;Hizbollah;Hizballah
PSEREBHMS|armed|Hamas
NGAREB|armed|Boko Haram
SOMREB|armed|al-Shabaab;al-Shabab;al Shabaab;Al-Shabaab
TURREB|armed|PKK;Kurdistan Workers' Party;Kurdistan Workers Party
IRQMIL|armed|Peshmerga
SYRREB|armed|Free Syrian Army;FSA
YEMREB|armed|Houthis;Houthi rebels;Ansar Allah|ours
IRQUAF|armed|Popular Mobilization Forces;Popular Mobilisation Forces;Popular Mobilization Units;PMF;PMU;Hashd al-Shaabi;al-Hashd al-Shaabi|ours
`
