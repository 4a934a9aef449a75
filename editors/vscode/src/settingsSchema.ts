// Generated from src/config/schema.rs (the settings of byline.toml and the editors); do not
// edit. To update: BYLINE_UPDATE_SCHEMA=1 cargo test --release --test settings_schema

/** The settings object the server takes: the shape of byline.toml with camelCase keys. */
export interface ServerSettings {
  corpus?: {
    include?: string[];
    exclude?: string[];
    knowledgeBase?: string[];
  };
  style?: {
    spelling?: 'auto' | 'american' | 'british';
    koreanGivenNames?: 'auto' | 'hyphenated' | 'spaced' | 'joined';
    acronyms?: 'majority' | 'upper' | 'title';
    quotations?: 'preserve' | 'check';
  };
  checks?: {
    inconsistentSpelling?: 'error' | 'warning' | 'information' | 'hint' | 'off';
    possibleVariant?: 'error' | 'warning' | 'information' | 'hint' | 'off';
    houseStyle?: 'error' | 'warning' | 'information' | 'hint' | 'off';
    possibleTypo?: 'error' | 'warning' | 'information' | 'hint' | 'off';
    staleTitle?: 'error' | 'warning' | 'information' | 'hint' | 'off';
  };
  ignore?: {
    spellings?: string[];
  };
}

/** The settings the server reads (`byline.<section>.<key>`), by section. */
export const SECTIONS: { [S in keyof ServerSettings]-?: readonly (keyof NonNullable<ServerSettings[S]>)[] } = {
  corpus: ['include', 'exclude', 'knowledgeBase'],
  style: ['spelling', 'koreanGivenNames', 'acronyms', 'quotations'],
  checks: ['inconsistentSpelling', 'possibleVariant', 'houseStyle', 'possibleTypo', 'staleTitle'],
  ignore: ['spellings'],
};
