"""Geocode cache: answers of an online geocoder (Nominatim, Photon), asked once per place.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 12:14:22.544580
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import incidents.store.types
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('geocode_cache',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('query', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('country_codes', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('found', sa.Boolean(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('created_at', incidents.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_geocode_cache'))
    )
    with op.batch_alter_table('geocode_cache', schema=None) as batch_op:
        batch_op.create_index('ix_geocode_cache_lookup', ['provider', 'query', 'country_codes'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('geocode_cache', schema=None) as batch_op:
        batch_op.drop_index('ix_geocode_cache_lookup')

    op.drop_table('geocode_cache')
