/**
 * Name pools of the groups that make up SGB II caseloads. Weights follow the rough shape of the
 * BA statistics (Germans about two thirds of non-refugee households; Syrians, Ukrainians and Afghans
 * dominate refugee households). Only first and last names are combined at random, so no output
 * is meant to describe a real person.
 */

export type OriginCode = 'de' | 'tr' | 'ar' | 'fa' | 'uk' | 'ru' | 'pl' | 'ro' | 'ti' | 'so' | 'ku' | 'en';

export interface OriginGroup {
  code: OriginCode;
  female: readonly string[];
  male: readonly string[];
  /** Optional split of {@link female}/{@link male} by birth cohort: [age 50+, 28–49, under 28]. */
  cohorts?: { female: readonly (readonly string[])[]; male: readonly (readonly string[])[] };
  /** [form for men, form for women]; equal unless the language inflects surnames (Polish -ski/-ska, Russian -ow/-owa). */
  lastNames: readonly (readonly [string, string])[];
  /** ISO 639-1 codes a household of this group may prefer; repeated entries act as weights. Empty for German. */
  languages: readonly string[];
  /** Chance that a partner carries the applicant's surname (women keep their own name in Arabic or Eritrean naming). */
  partnerSharesLastName: number;
  /** Children carry the father's first name as surname (Eritrean, Somali naming). */
  patronymic: boolean;
  /** Outside refugee households: share of adults who state a non-German preferred language ... */
  nonRefugeeLanguageShare: number;
  /** ... and, of those, the share who need an interpreter. */
  nonRefugeeInterpreterShare: number;
  weightNonRefugee: number;
  weightRefugee: number;
}

/** 'Kowalski/Kowalska' → distinct male/female forms; plain names serve both. */
function surnames(list: string): (readonly [string, string])[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const [m, f] = entry.split('/');
      return [m as string, f ?? (m as string)] as const;
    });
}

function names(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * German first names by birth cohort, so that a 'Horst' is not born in 2015 and no 'Mia' in 1965:
 * [age 50+, age 28–49, under 28] on the reference date.
 */
const GERMAN_FEMALE_COHORTS = [
  names(`
    Monika, Petra, Sabine, Susanne, Andrea, Gabriele, Renate, Ute, Karin, Birgit, Brigitte, Ingrid, Ursula, Elke, Doris,
    Bärbel, Jutta, Dagmar, Marion, Helga, Gisela, Angelika, Cornelia, Martina, Heike, Kerstin, Claudia, Anke, Britta, Ines,
    Regina, Christa, Heidi, Rosemarie, Hannelore, Waltraud, Sigrid, Roswitha, Marianne, Iris, Beate, Gudrun
  `),
  names(`
    Sandra, Nicole, Stefanie, Melanie, Jessica, Jennifer, Daniela, Simone, Nadine, Sabrina, Vanessa, Christina, Katharina,
    Julia, Sarah, Anna, Lisa, Laura, Franziska, Michelle, Jacqueline, Mandy, Peggy, Yvonne, Doreen, Ramona, Tanja, Anja,
    Silke, Manuela, Annika, Svenja, Carina, Kathrin, Katrin, Antje, Bettina, Denise, Chantal, Janine, Jasmin, Maike, Wiebke,
    Jördis, Tatjana, Kim, Nina, Jana, Maria, Johanna
  `),
  names(`
    Celina, Leonie, Emily, Luisa, Greta, Frieda, Mathilda, Ida, Ella, Lara, Lilli, Merle, Nele, Finja, Marlene, Josephine,
    Mia, Emma, Hannah, Lea, Lena, Sophie, Marie, Lina, Clara, Charlotte, Paula, Amelie, Emilia, Sophia, Mila, Leni, Lotta,
    Maja, Jule, Pia, Zoe, Jolina
  `),
] as const;

const GERMAN_MALE_COHORTS = [
  names(`
    Jürgen, Uwe, Klaus, Peter, Wolfgang, Dieter, Günther, Bernd, Rainer, Hans, Heinz, Horst, Manfred, Werner, Gerhard,
    Helmut, Karl-Heinz, Hans-Jürgen, Detlef, Norbert, Rüdiger, Götz, Reinhard, Siegfried, Knut, Volker, Ralf, Frank, Thomas,
    Michael, Andreas, Harald, Lothar, Joachim, Hartmut, Eckhard, Wilfried, Gerd, Ulrich, Rolf
  `),
  names(`
    Stefan, Markus, Christian, Holger, Jörg, Torsten, Sven, Dirk, Jens, Mario, Marco, René, Sebastian, Daniel, Tobias,
    Florian, Dennis, Kevin, Patrick, Marcel, Pascal, Dominik, Philipp, Alexander, Matthias, Martin, Björn, Kai, Lars, Nils,
    Timo, Olaf, Heiko, Ingo, Steffen, Carsten, Axel, Mirko, Enrico, Ronny, Maik, Jörn, Sören, Hendrik, Fabian, Benedikt,
    Arne, Jan, Tim, Robin
  `),
  names(`
    Maximilian, Lukas, Jonas, Leon, Finn, Paul, Felix, Elias, Noah, Ben, Luca, Niklas, Marvin, Justin, Julian, Moritz,
    Jannik, Till, Malte, Ole, Henrik, Lennart, Mats, Jannis, Konstantin, Emil, Anton, Theo, Jakob, Liam, Milan, Leo, Linus,
    Mattis, Henry, Levin
  `),
] as const;

const GERMAN: OriginGroup = {
  code: 'de',
  female: GERMAN_FEMALE_COHORTS.flat(),
  male: GERMAN_MALE_COHORTS.flat(),
  cohorts: { female: GERMAN_FEMALE_COHORTS, male: GERMAN_MALE_COHORTS },
  lastNames: surnames(`
    Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein,
    Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause,
    Meier, Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber, Kaiser, Fuchs, Peters, Lang, Scholz,
    Möller, Weiß, Jung, Hahn, Schubert, Vogel, Friedrich, Keller, Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann,
    Franke, Albrecht, Schuster, Simon, Ludwig, Böhm, Winter, Kraus, Martin, Schumacher, Krämer, Vogt, Stein, Jäger, Otto,
    Sommer, Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Schulte, Dietrich, Ziegler, Kuhn, Kühn, Pohl, Engel, Horn,
    Busch, Bergmann, Thomas, Voigt, Sauer, Arnold, Wolff, Pfeiffer, Lindner, Ernst, Haase, Brinkmann, Heuer, Dreyer, Witt,
    Bruns, Janssen, Meinecke, Wendt, Gerdes, Ahrens, Brüggemann, Oltmanns, Hinrichs, Büttner, Nowak, Lemke, Thiele, Ebert,
    Lübke, Rößler, Göbel, Nußbaum, Strauß, Voß, Preuß, Kloß, Hübner, Jürgens, Wöhler, Görtz, Thießen, Steinbrück, Quast
  `),
  languages: [],
  partnerSharesLastName: 0.78,
  patronymic: false,
  nonRefugeeLanguageShare: 0,
  nonRefugeeInterpreterShare: 0,
  weightNonRefugee: 70,
  weightRefugee: 0,
};

const TURKISH: OriginGroup = {
  code: 'tr',
  female: names(`
    Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Büşra, Esra, Özlem, Gül, Hülya, Sevgi, Derya, Melek, Sibel, Yasemin,
    Aylin, Dilek, Songül, Nesrin, Şeyma, Ebru, Tuğba, Gülay, Nurcan
  `),
  male: names(`
    Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Osman, Yusuf, Kemal, Serkan, Cem, Burak, Volkan,
    Ömer, Erkan, Halil, Süleyman, Orhan, Tuncay, Okan, Sinan
  `),
  lastNames: surnames(`
    Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara,
    Koç, Kurt, Özkan, Şimşek, Polat, Korkmaz, Güneş, Aksoy, Erdem, Keskin, Acar, Tekin, Ünal, Karaca
  `),
  languages: ['tr', 'tr', 'tr', 'tr', 'ku'],
  partnerSharesLastName: 0.88,
  patronymic: false,
  nonRefugeeLanguageShare: 0.25,
  nonRefugeeInterpreterShare: 0.15,
  weightNonRefugee: 8,
  weightRefugee: 3,
};

const ARABIC: OriginGroup = {
  code: 'ar',
  female: names(`
    Fatima, Aisha, Maryam, Zainab, Noor, Hala, Rana, Lina, Rasha, Reem, Huda, Samira, Amal, Yasmin, Nour, Dalia, Rima, Salma,
    Hiba, Asmaa, Manal, Rawan, Bushra, Ghada, Lama, Sidra
  `),
  male: names(`
    Mohammad, Ahmad, Mahmoud, Khaled, Omar, Hassan, Hussein, Ali, Yousef, Ibrahim, Abdullah, Mustafa, Bilal, Tarek, Samer,
    Fadi, Rami, Ammar, Bassam, Walid, Karim, Hamza, Anas, Majd, Mazen, Louay
  `),
  lastNames: surnames(`
    Al-Hassan, Al-Ahmad, Haddad, Khalil, Hamoud, Darwish, Saleh, Hamdan, Nasser, Mansour, Youssef, Ibrahim, Othman, Suleiman,
    Abdallah, Al-Khatib, Shaker, Kassem, Masri, Halabi, Haj Ali, Jaber, Barakat, Al-Shami, Issa, Al-Mohammad, Sabbagh
  `),
  languages: ['ar'],
  partnerSharesLastName: 0.3,
  patronymic: false,
  nonRefugeeLanguageShare: 0.5,
  nonRefugeeInterpreterShare: 0.3,
  weightNonRefugee: 3,
  weightRefugee: 30,
};

const AFGHAN: OriginGroup = {
  code: 'fa',
  female: names(`
    Zahra, Maryam, Mahbooba, Parwana, Fereshta, Nargis, Shabnam, Farida, Marzia, Sakina, Laila, Roya, Mursal, Madina, Hadia,
    Sima, Zarghuna, Fatima, Nazanin, Khadija
  `),
  male: names(`
    Mohammad, Ahmad, Abdul, Rahim, Karim, Jawad, Farid, Hamid, Mujtaba, Sayed, Mustafa, Ali, Habib, Naweed, Zabihullah,
    Shafiq, Wahid, Sohrab, Ajmal, Rahmatullah, Khalid, Nasir, Mahdi, Bashir
  `),
  lastNames: surnames(`
    Ahmadi, Rahimi, Hakimi, Karimi, Mohammadi, Hosseini, Rezaei, Sultani, Nazari, Noori, Amiri, Haidari, Sadat, Stanikzai,
    Popal, Wardak, Safi, Jafari, Azizi, Rasuli, Sharifi, Yousufi
  `),
  languages: ['fa', 'fa', 'fa', 'ps'],
  partnerSharesLastName: 0.5,
  patronymic: false,
  nonRefugeeLanguageShare: 0.5,
  nonRefugeeInterpreterShare: 0.3,
  weightNonRefugee: 1,
  weightRefugee: 17,
};

/** Transliterated as in Ukrainian biometric passports, which is what German registers copy. */
const UKRAINIAN: OriginGroup = {
  code: 'uk',
  female: names(`
    Olena, Oksana, Iryna, Nataliia, Tetiana, Kateryna, Yuliia, Svitlana, Olha, Anastasiia, Viktoriia, Halyna, Mariia, Daryna,
    Sofiia, Alina, Khrystyna, Larysa, Liudmyla, Valentyna, Inna
  `),
  male: names(`
    Oleksandr, Andrii, Serhii, Volodymyr, Dmytro, Mykola, Ivan, Vasyl, Yurii, Oleh, Bohdan, Maksym, Taras, Vitalii, Roman,
    Artem, Denys, Ihor, Petro, Yaroslav, Mykhailo
  `),
  lastNames: surnames(`
    Kovalenko, Bondarenko, Tkachenko, Kravchenko, Shevchenko, Boiko, Kovalchuk, Oliinyk, Melnyk, Shevchuk, Polishchuk,
    Lysenko, Marchenko, Savchenko, Rudenko, Moroz, Kravets, Hnatiuk, Pavlenko, Ponomarenko, Klymenko, Symonenko
  `),
  languages: ['uk', 'uk', 'uk', 'uk', 'ru'],
  partnerSharesLastName: 0.85,
  patronymic: false,
  nonRefugeeLanguageShare: 0.7,
  nonRefugeeInterpreterShare: 0.4,
  weightNonRefugee: 2.5,
  weightRefugee: 27,
};

/** Russian-speaking households incl. Spätaussiedler, hence German (Mennonite) surnames and German transliteration. */
const RUSSIAN: OriginGroup = {
  code: 'ru',
  female: names(`
    Swetlana, Tatjana, Natalja, Jelena, Olga, Irina, Ljudmila, Galina, Walentina, Anastasia, Xenia, Jekaterina, Marina,
    Larissa, Oxana, Viktoria, Alina, Nadeschda
  `),
  male: names(`
    Sergej, Alexej, Dmitrij, Wladimir, Andrej, Nikolai, Juri, Viktor, Eduard, Waldemar, Artur, Igor, Maxim, Witali, Pawel,
    Konstantin, Jewgeni, Anatoli, Wjatscheslaw
  `),
  lastNames: surnames(`
    Iwanow/Iwanowa, Petrow/Petrowa, Smirnow/Smirnowa, Kusnezow/Kusnezowa, Popow/Popowa, Wolkow/Wolkowa, Sokolow/Sokolowa,
    Lebedew/Lebedewa, Morosow/Morosowa, Nowikow/Nowikowa, Fedorow/Fedorowa, Orlow/Orlowa, Kowaljow/Kowaljowa,
    Friesen, Janzen, Klassen, Penner, Wiebe, Dück, Reimer, Rempel, Neufeld, Hildebrandt, Schellenberg
  `),
  languages: ['ru'],
  partnerSharesLastName: 0.9,
  patronymic: false,
  nonRefugeeLanguageShare: 0.25,
  nonRefugeeInterpreterShare: 0.15,
  weightNonRefugee: 4.5,
  weightRefugee: 0,
};

const POLISH: OriginGroup = {
  code: 'pl',
  female: names(`
    Agnieszka, Katarzyna, Małgorzata, Joanna, Magdalena, Monika, Ewa, Anna, Barbara, Dorota, Beata, Justyna, Aleksandra,
    Marta, Karolina, Natalia, Paulina, Sylwia, Grażyna, Bożena
  `),
  male: names(`
    Piotr, Krzysztof, Tomasz, Paweł, Marcin, Michał, Grzegorz, Łukasz, Jakub, Mariusz, Dariusz, Wojciech, Kamil, Mateusz,
    Rafał, Sławomir, Zbigniew, Andrzej, Przemysław, Bartosz
  `),
  lastNames: surnames(`
    Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kowalczyk, Kamiński/Kamińska, Lewandowski/Lewandowska,
    Zieliński/Zielińska, Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, Kozłowski/Kozłowska, Jankowski/Jankowska, Mazur,
    Kwiatkowski/Kwiatkowska, Krawczyk, Piotrowski/Piotrowska, Grabowski/Grabowska, Pawłowski/Pawłowska, Michalski/Michalska,
    Wróbel, Zając
  `),
  languages: ['pl'],
  partnerSharesLastName: 0.85,
  patronymic: false,
  nonRefugeeLanguageShare: 0.55,
  nonRefugeeInterpreterShare: 0.35,
  weightNonRefugee: 3.5,
  weightRefugee: 0,
};

const ROMANIAN: OriginGroup = {
  code: 'ro',
  female: names(`
    Maria, Elena, Ioana, Andreea, Alexandra, Mihaela, Cristina, Gabriela, Daniela, Florentina, Ramona, Georgiana, Roxana,
    Adriana, Simona, Denisa, Larisa, Bianca, Alina, Nicoleta
  `),
  male: names(`
    Ion, Gheorghe, Constantin, Vasile, Ionuț, Florin, Marian, Mihai, Adrian, Cristian, Alexandru, Nicolae, Dumitru, Ștefan,
    Costel, Daniel, Bogdan, Ciprian, Sorin, Marius
  `),
  lastNames: surnames(`
    Popescu, Popa, Ionescu, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, Munteanu, Constantin, Mihai,
    Moldovan, Lungu, Dinu, Marin, Sârbu, Florea, Tudor, Lăcătuș, Bălan
  `),
  languages: ['ro'],
  partnerSharesLastName: 0.85,
  patronymic: false,
  nonRefugeeLanguageShare: 0.6,
  nonRefugeeInterpreterShare: 0.4,
  weightNonRefugee: 3.5,
  weightRefugee: 0,
};

const ERITREAN: OriginGroup = {
  code: 'ti',
  female: names(`
    Helen, Senait, Selam, Luwam, Yodit, Freweyni, Almaz, Tsega, Hiwet, Rahel, Meron, Saba, Winta, Semhar, Mebrat, Ruta
  `),
  male: names(`
    Yonas, Dawit, Mehari, Tekle, Kidane, Goitom, Berhane, Samuel, Filmon, Yohannes, Habte, Amanuel, Biniam, Tesfalem, Mussie,
    Natnael
  `),
  lastNames: surnames(`
    Tesfay, Gebremedhin, Tekle, Habte, Berhane, Kidane, Mehari, Woldu, Haile, Gebru, Asmerom, Tsegay, Ghirmay, Andemariam,
    Weldemichael, Kahsay
  `),
  languages: ['ti'],
  partnerSharesLastName: 0.05,
  patronymic: true,
  nonRefugeeLanguageShare: 0.6,
  nonRefugeeInterpreterShare: 0.4,
  weightNonRefugee: 0.5,
  weightRefugee: 8,
};

const SOMALI: OriginGroup = {
  code: 'so',
  female: names(`
    Hodan, Faadumo, Sahra, Asha, Halima, Ifrah, Hibaaq, Nasra, Ubah, Khadra, Sagal, Ayan, Deeqa, Fartun
  `),
  male: names(`
    Abdirahman, Abdullahi, Mohamed, Ahmed, Abdi, Hassan, Omar, Yusuf, Farah, Liban, Mahad, Abdikarim, Bashir, Guled, Ismail
  `),
  lastNames: surnames(`
    Farah, Abdi, Warsame, Jama, Hussein, Mohamed, Ali, Aden, Osman, Nur, Hersi, Egal, Abdullahi, Yusuf, Dahir, Elmi
  `),
  languages: ['so'],
  partnerSharesLastName: 0.05,
  patronymic: true,
  nonRefugeeLanguageShare: 0.6,
  nonRefugeeInterpreterShare: 0.4,
  weightNonRefugee: 0.5,
  weightRefugee: 5,
};

const KURDISH: OriginGroup = {
  code: 'ku',
  female: names(`
    Rojda, Berfin, Dilan, Zozan, Nesrin, Ronahi, Hêvî, Jiyan, Bêrîvan, Viyan, Newroz, Şîrîn, Gulistan, Nazdar, Avesta, Rewşen
  `),
  male: names(`
    Azad, Baran, Zana, Rezan, Dilovan, Şivan, Serhat, Rênas, Hozan, Kawa, Aram, Welat, Ciwan, Roj, Delil, Jiyan
  `),
  lastNames: surnames(`
    Khalaf, Murad, Qasim, Haji, Sido, Hamo, Bakir, Sino, Ismail, Kurdi, Mirza, Hesso, Bozan, Temo, Rashid, Xelil
  `),
  languages: ['ku', 'ku', 'ku', 'ar'],
  partnerSharesLastName: 0.6,
  patronymic: false,
  nonRefugeeLanguageShare: 0.45,
  nonRefugeeInterpreterShare: 0.3,
  weightNonRefugee: 1.5,
  weightRefugee: 8,
};

/** West African households (Nigeria, Ghana) whose official language is English. */
const ANGLOPHONE: OriginGroup = {
  code: 'en',
  female: names(`
    Blessing, Grace, Joy, Mercy, Favour, Precious, Esther, Faith, Patience, Gift, Chiamaka, Ngozi, Adaeze, Abena, Akosua
  `),
  male: names(`
    Emmanuel, Samuel, Daniel, John, David, Michael, Chinedu, Oluwaseun, Kwame, Kofi, Yaw, Godwin, Prince, Victor, Ifeanyi
  `),
  lastNames: surnames(`
    Okafor, Okonkwo, Adeyemi, Mensah, Boateng, Owusu, Asante, Eze, Nwosu, Obi, Adebayo, Oladipo, Acheampong, Appiah, Okoro
  `),
  languages: ['en'],
  partnerSharesLastName: 0.8,
  patronymic: false,
  nonRefugeeLanguageShare: 0.5,
  nonRefugeeInterpreterShare: 0.15,
  weightNonRefugee: 1.5,
  weightRefugee: 2,
};

export const ORIGIN_GROUPS: readonly OriginGroup[] = [
  GERMAN,
  TURKISH,
  ARABIC,
  AFGHAN,
  UKRAINIAN,
  RUSSIAN,
  POLISH,
  ROMANIAN,
  ERITREAN,
  SOMALI,
  KURDISH,
  ANGLOPHONE,
];

export const GERMAN_GROUP: OriginGroup = GERMAN;

const asciiCache = new Map<string, string>();

/**
 * Lower-case ASCII form for e-mail local parts (Müller → mueller, Şahin → sahin, Łukasz → lukasz).
 * Cached because the name pools are small and this runs for every e-mail address.
 */
export function asciiFold(name: string): string {
  let out = asciiCache.get(name);
  if (out === undefined) {
    out = name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9-]/g, '');
    asciiCache.set(name, out);
  }
  return out;
}
