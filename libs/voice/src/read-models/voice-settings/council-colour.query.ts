import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { COUNCIL_COLOUR_PATTERN } from '../../domain/index.js';
import { VoiceSettings } from './voice-settings.reader.js';

/**
 * The council's colour (`#rrggbb`) for the header of a board's young people's and public pages (apps/web),
 * or null for govuk-frontend's own. Public: the pages show it to anyone.
 */
export class GetCouncilColour extends Query<string | null> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetCouncilColour)
export class GetCouncilColourHandler implements IQueryHandler<GetCouncilColour, string | null> {
  constructor(private readonly settings: VoiceSettings) {}

  async execute({ tenantId }: GetCouncilColour): Promise<string | null> {
    const colour = await this.settings.councilColour(tenantId);
    // The page prints it into a style element: only ever a colour as the decider took it.
    return colour !== undefined && COUNCIL_COLOUR_PATTERN.test(colour) ? colour : null;
  }
}
