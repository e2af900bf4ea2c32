/**
 * Vocabulary of the synthetic monorepo: service and library names, module
 * words, and the third-party packages (real names, real pins) they use.
 * Top-level names avoid the standard library so nothing shadows it.
 */

export const SERVICE_NAMES = [
  'billing', 'checkout', 'catalog', 'inventory', 'shipping', 'payments', 'accounts',
  'notifications', 'storefront', 'reviews', 'recommendations', 'pricing', 'promotions',
  'fulfillment', 'returns', 'loyalty', 'analytics', 'reporting', 'identity', 'profiles',
  'cart', 'warehouse', 'suppliers', 'invoicing', 'taxation', 'fraud', 'helpdesk', 'media',
  'webhooks', 'scheduler', 'ledger', 'subscriptions', 'onboarding', 'compliance', 'routing',
];

export const LIB_NAMES = [
  'acme_config', 'acme_logging', 'acme_db', 'acme_http', 'acme_events', 'acme_money',
  'acme_auth', 'acme_storage', 'acme_metrics', 'acme_cache', 'acme_search', 'acme_dates',
  'acme_mail', 'acme_tasks', 'acme_flags',
];

export const SUBPACKAGE_NAMES = [
  'api', 'domain', 'adapters', 'services', 'repositories', 'schemas', 'workers', 'handlers',
  'models', 'clients', 'events', 'tasks', 'storage', 'rules', 'policies', 'serializers',
  'integrations', 'core', 'views', 'jobs', 'validation', 'mapping', 'queries', 'commands',
  'projections', 'providers', 'backends', 'middleware', 'helpers', 'reports',
];

export const MODULE_NOUNS = [
  'invoice', 'ledger_entry', 'account', 'basket', 'order', 'payment', 'shipment', 'customer',
  'product', 'price', 'discount', 'tax_rate', 'report', 'audit', 'session', 'credential',
  'profile', 'stock', 'warehouse_slot', 'review', 'rating', 'notification', 'message',
  'webhook', 'event', 'batch', 'schedule', 'metric', 'quota', 'tenant', 'region', 'currency',
  'refund', 'voucher', 'coupon', 'carrier', 'parcel', 'address', 'contract', 'plan',
  'subscription', 'usage', 'alert', 'feature', 'document', 'attachment', 'export', 'import_job',
  'settlement', 'payout', 'merchant', 'channel', 'segment', 'campaign', 'supplier', 'receipt',
];

export const MODULE_ROLES = [
  'repository', 'service', 'client', 'adapter', 'mapper', 'serializer', 'validator', 'policy',
  'handler', 'builder', 'factory', 'registry', 'store', 'gateway', 'resolver', 'scheduler',
  'calculator', 'formatter', 'parser', 'loader', 'exporter', 'tracker', 'rules', 'models',
];

/**
 * Third-party imports by import name: the distribution that provides it (its
 * requirements line) and the import statements modules use.
 */
export const THIRD_PARTY = {
  yaml: { requirement: 'PyYAML==6.0.2', statements: ['import yaml'] },
  dotenv: { requirement: 'python-dotenv==1.0.1', statements: ['from dotenv import load_dotenv'] },
  structlog: { requirement: 'structlog==24.4.0', statements: ['import structlog'] },
  sqlalchemy: {
    requirement: 'SQLAlchemy==2.0.32',
    statements: ['from sqlalchemy import select, text', 'from sqlalchemy.orm import Session'],
  },
  psycopg2: { requirement: 'psycopg2-binary==2.9.9', statements: ['import psycopg2', 'from psycopg2 import extras'] },
  boto3: { requirement: 'boto3==1.35.10', statements: ['import boto3'] },
  botocore: { requirement: 'botocore==1.35.10', statements: ['from botocore.exceptions import ClientError'] },
  requests: { requirement: 'requests==2.32.3', statements: ['import requests', 'from requests.adapters import HTTPAdapter'] },
  tenacity: { requirement: 'tenacity==9.0.0', statements: ['from tenacity import retry, stop_after_attempt'] },
  httpx: { requirement: 'httpx==0.27.2', statements: ['import httpx'] },
  jwt: { requirement: 'PyJWT==2.9.0', statements: ['import jwt'] },
  prometheus_client: { requirement: 'prometheus-client==0.20.0', statements: ['from prometheus_client import Counter, Histogram'] },
  redis: { requirement: 'redis==5.0.8', statements: ['import redis', 'from redis.exceptions import RedisError'] },
  elasticsearch: { requirement: 'elasticsearch==8.15.0', statements: ['from elasticsearch import Elasticsearch'] },
  dateutil: { requirement: 'python-dateutil==2.9.0.post0', statements: ['from dateutil import parser as date_parser', 'from dateutil.relativedelta import relativedelta'] },
  jinja2: { requirement: 'Jinja2==3.1.4', statements: ['from jinja2 import Environment, select_autoescape'] },
  celery: { requirement: 'celery==5.4.0', statements: ['from celery import Celery', 'from celery import shared_task'] },
  pydantic: { requirement: 'pydantic==2.8.2', statements: ['from pydantic import BaseModel, Field'] },
  flask: { requirement: 'Flask==3.0.3', statements: ['from flask import Blueprint, jsonify', 'from flask import current_app, request'] },
  gunicorn: { requirement: 'gunicorn==22.0.0', statements: [] },
  fastapi: { requirement: 'fastapi==0.115.0', statements: ['from fastapi import APIRouter, Depends', 'from fastapi import HTTPException'] },
  uvicorn: { requirement: 'uvicorn==0.30.6', statements: [] },
};

/** What each shared library depends on outside the monorepo. */
export const LIB_THIRD_PARTY = {
  acme_config: ['yaml', 'dotenv'],
  acme_logging: ['structlog'],
  acme_db: ['sqlalchemy', 'psycopg2'],
  acme_http: ['requests', 'tenacity', 'httpx'],
  acme_events: ['boto3', 'botocore'],
  acme_money: [],
  acme_auth: ['jwt'],
  acme_storage: ['boto3', 'botocore'],
  acme_metrics: ['prometheus_client'],
  acme_cache: ['redis'],
  acme_search: ['elasticsearch'],
  acme_dates: ['dateutil'],
  acme_mail: ['jinja2'],
  acme_tasks: ['celery'],
  acme_flags: ['httpx'],
};

/** Optional accelerators imported under try/except ImportError, never installed. */
export const OPTIONAL_IMPORTS = [
  { statement: 'import orjson as _fast_json', fallback: '_fast_json = None' },
  { statement: 'import ujson as _ujson', fallback: '_ujson = None' },
  { statement: 'from uvloop import install as _install_uvloop', fallback: '_install_uvloop = None' },
];

export const STDLIB_IMPORTS = [
  'import os', 'import sys', 'import json', 'import re', 'import time', 'import uuid',
  'import hashlib', 'import itertools', 'import functools', 'import threading',
  'from collections import defaultdict', 'from collections.abc import Iterable, Mapping',
  'from contextlib import contextmanager', 'from datetime import datetime, timezone',
  'from decimal import Decimal', 'from pathlib import Path', 'from abc import ABC, abstractmethod',
];
